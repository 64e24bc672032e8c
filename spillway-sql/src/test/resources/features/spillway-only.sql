SELECT i FROM range(10) AS t(i) WHERE i % 2 = 0;
SELECT t.i * 2 AS x FROM range(5) t(i) ORDER BY x DESC;
SELECT count(*) FROM range(100);
SELECT * FROM 'data/file.csv' WHERE a > 1;
SELECT f.a, g.b FROM 'x.parquet' f JOIN read_csv('y.csv', delim = '|') g ON f.a = g.a;
SELECT a+1 AS x, x*2 AS y FROM 'f.csv';
SELECT * FROM memory();
FROM tpch('region', 0.01) r WHERE r.r_name <> 'ASIA';
SELECT * FROM read_parquet(['a.parquet', 'b.parquet']) WHERE b LIKE 'x%' ORDER BY a;
