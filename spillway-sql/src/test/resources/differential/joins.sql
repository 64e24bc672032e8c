-- Joins beyond single keys: chains, expressions, outer joins with filters, joins of aggregates.

SELECT t.id, u.uid, o.id FROM t LEFT JOIN u ON t.k = u.k LEFT JOIN one_t o ON u.s = o.s WHERE t.id < 500;

SELECT t.id, u.uid FROM t JOIN u ON t.k + 1 = u.k;

SELECT t.id, u.uid FROM t JOIN u ON upper(t.s) = upper(u.s) WHERE t.id < 1000;

SELECT t.id, u.uid FROM t JOIN u ON CAST(t.dt AS TIMESTAMP) = CAST(u.dt AS TIMESTAMP) WHERE t.id < 1000;

SELECT t.id, u.uid FROM t FULL JOIN u ON t.k = u.k AND t.s = u.s;

SELECT t.id, u.uid FROM t RIGHT JOIN u ON t.b = u.b AND t.i > 0;

SELECT t.id, u.uid FROM t LEFT JOIN u ON t.k = u.k WHERE u.w > 0 OR u.uid IS NULL;

SELECT a.k, a.n, b.m FROM (SELECT k, count(*) AS n FROM t GROUP BY k) a FULL JOIN (SELECT k, count(*) AS m FROM u GROUP BY k) b ON a.k = b.k;

SELECT t.id, e.id FROM t LEFT JOIN empty_t e ON t.k = e.k WHERE t.id < 100;

SELECT e.id, u.uid FROM empty_t e RIGHT JOIN u ON e.k = u.k;

SELECT e.id, u.uid FROM empty_t e FULL JOIN u ON e.s = u.s;

SELECT count(*) FROM t a JOIN t b ON a.k = b.k WHERE a.k <> 0;

SELECT count(*), sum(a.i) FROM t a JOIN t b ON a.dec4 = b.dec4 AND a.flag = b.flag;

SELECT t.id, u.uid FROM t, u WHERE t.k = u.k AND t.dt = u.dt;

SELECT u.label, t.s, count(*) FROM t JOIN u ON t.s = u.s GROUP BY u.label, t.s;

SELECT t.id, u.uid FROM t JOIN u ON t.k = u.k ORDER BY t.id, u.uid LIMIT 25;
