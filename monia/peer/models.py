"""Peer groups for workers and clients: facilitators, sign-up, a shared journal."""
