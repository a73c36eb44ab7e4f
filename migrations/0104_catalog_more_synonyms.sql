-- Colloquial verbs citizens type for the formal nouns services are named by ("bayar pbb").
INSERT INTO search_synonyms (term, kind, expansion) VALUES
  ('bayar', 'word', 'pembayaran'),
  ('daftar', 'word', 'pendaftaran'),
  ('cetak', 'word', 'pencetakan'),
  ('rekam', 'word', 'perekaman'),
  ('pasang', 'word', 'pemasangan'),
  ('ubah', 'word', 'perubahan'),
  ('balik', 'word', 'peralihan'),
  ('cek', 'word', 'pengecekan'),
  ('lapor', 'word', 'pelaporan'),
  ('kir', 'word', 'uji berkala'),
  ('tilang', 'word', 'denda'),
  ('haji', 'word', 'umrah')
ON CONFLICT DO NOTHING;
