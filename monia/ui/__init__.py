"""The ground floor: UI helpers every app may use — the form-error helper, the SVG chart
primitives, the date widgets. This package imports nothing of Monia (a test checks it)."""
