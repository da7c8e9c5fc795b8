"""The register of experts by experience, their assignments, fees and the payroll export."""
