"""ecocheck: compliance checker for China's national ecological-civilization demonstration
counties and cities (国家生态文明建设示范市县)."""

__version__ = "0.1.0"
