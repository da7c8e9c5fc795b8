"""Each worker's completed modules of the systemic model and the share trained per team."""
