from django.urls import URLPattern, URLResolver, path

from monia.feedback import coordinator_views as cv
from monia.feedback import views

urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "portal/feedback/<int:invitation_id>/", views.portal_answer, name="feedback_portal_answer"
    ),
    path(
        "develop/feedback/answer/<int:invitation_id>/", views.staff_answer, name="feedback_answer"
    ),
    path("develop/feedback/results/", views.results_list, name="feedback_results_list"),
    path(
        "develop/feedback/results/<int:questionnaire_id>/", views.results, name="feedback_results"
    ),
    path("develop/feedback/", cv.questionnaire_list, name="feedback_questionnaires"),
    path("develop/feedback/new/", cv.questionnaire_new, name="feedback_questionnaire_new"),
    path(
        "develop/feedback/<int:questionnaire_id>/",
        cv.questionnaire_detail,
        name="feedback_questionnaire",
    ),
    path(
        "develop/feedback/<int:questionnaire_id>/ask/",
        cv.questionnaire_ask,
        name="feedback_questionnaire_ask",
    ),
    path(
        "develop/feedback/<int:questionnaire_id>/edit/",
        cv.questionnaire_edit,
        name="feedback_questionnaire_edit",
    ),
    path(
        "develop/feedback/<int:questionnaire_id>/questions/new/",
        cv.question_edit,
        name="feedback_question_new",
    ),
    path(
        "develop/feedback/<int:questionnaire_id>/questions/<int:question_id>/",
        cv.question_edit,
        name="feedback_question_edit",
    ),
]
