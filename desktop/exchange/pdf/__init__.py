"""PDF output: the GB/T 9704 report, its 自评表 table and the 合订本."""
