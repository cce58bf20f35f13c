"""Excel: the official 项目支出绩效自评表 workbook, its 汇总 sheet, and reading it back."""
