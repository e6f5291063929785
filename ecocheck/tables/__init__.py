"""Reading the indicator tables consultants keep in Word, Excel and CSV (`ecocheck import`).

readers: the file's tables as grids of printed cell texts; layout: which grid is the indicator
table and what each column holds; names: matching the table's names to the edition's; importer:
which indicator or sub-item each row is, and one submission per year column, written as YAML whose values are the cells' texts, so the
submission reader reads them exactly as it reads a hand-written file.
"""
