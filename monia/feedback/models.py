"""Questionnaires defined as data, asked after events, meetings and plan reviews; anonymised
results."""
