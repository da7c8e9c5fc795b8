"""Questionnaires defined as data, asked after events, meetings and plan reviews; anonymised
results. Issue 16, the development network."""
