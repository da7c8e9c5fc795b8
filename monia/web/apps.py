from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "monia.web"
    label = "web"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from monia.web.security import session_clock_start

        # Every way in (staff login, SAML, the demo identification) starts the session's
        # idle and absolute clocks at login, so later requests write the session at most
        # once a minute.
        user_logged_in.connect(session_clock_start, dispatch_uid="monia_session_clock")
