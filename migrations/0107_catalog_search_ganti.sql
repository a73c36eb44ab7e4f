-- Search precision (bench/search-precision.ts): "ganti data ktp" means changing the data, not replacing
-- a lost card, so "ganti" also stands for "perubahan".
UPDATE search_synonyms SET expansion = 'penggantian perubahan' WHERE term = 'ganti' AND kind = 'word';
