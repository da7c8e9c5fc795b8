"""Monia — a case system for Finnish multi-agency child welfare."""
