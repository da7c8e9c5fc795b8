"""Events, trainings and their sessions: registration, reminders, attendance, certificates."""
