"""Events, trainings and their sessions: registration, reminders, attendance, certificates.
Issue 16, the development network."""
