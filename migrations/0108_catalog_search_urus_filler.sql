-- "urus" (arrange, deal with) names no service: like "mengurus", it is a filler. As a word it only
-- widened a query to every "penerbitan"/"permohonan" service and forced the slow partial match
-- ("urus imb" took ~500 ms at 500 MPPs x 200 services; docs/benchmarks.md).
DELETE FROM search_synonyms WHERE term = 'urus' AND kind = 'word';
INSERT INTO search_synonyms (term, kind, expansion) VALUES ('urus', 'filler', 'urus') ON CONFLICT DO NOTHING;
