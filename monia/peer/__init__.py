"""Peer groups for workers and clients: facilitators, sign-up, a shared journal. Issue 16, the
development network."""
