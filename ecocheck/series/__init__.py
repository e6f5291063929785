"""Stage 4, year series: plan targets, progress towards them, and a region's years compared."""
