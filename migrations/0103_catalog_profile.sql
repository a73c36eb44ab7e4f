-- The MPP profile, tenants' agreements and the Standar Pelayanan of every service, with versions.

ALTER TABLE mpps
  ADD COLUMN region_code text REFERENCES regions (code),
  ADD COLUMN address text NOT NULL DEFAULT '' CHECK (length(address) <= 500),
  ADD COLUMN waiting_capacity integer CHECK (waiting_capacity BETWEEN 0 AND 100000),
  -- {"phone": "...", "whatsapp": "...", "email": "...", "website": "..."}
  ADD COLUMN contacts jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(contacts) = 'object'),
  ADD COLUMN facilities text[] NOT NULL DEFAULT '{}',
  ADD COLUMN maklumat text NOT NULL DEFAULT '' CHECK (length(maklumat) <= 5000),
  ADD COLUMN published boolean NOT NULL DEFAULT true;
CREATE INDEX mpps_region_idx ON mpps (region_code);

ALTER TABLE tenants
  ADD COLUMN description text NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
  -- An https URL or a small data: URI (png, jpeg, svg, webp) uploaded by an admin.
  ADD COLUMN logo text CHECK (logo IS NULL OR length(logo) <= 200000),
  ADD COLUMN active boolean NOT NULL DEFAULT true;

-- MoU (nota kesepahaman) and PKS (perjanjian kerja sama) under which a tenant sits in the MPP.
CREATE TABLE tenant_agreements (
  mpp_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('mou', 'pks')),
  number text NOT NULL CHECK (length(number) BETWEEN 1 AND 100),
  signed_on date NOT NULL,
  valid_until date,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'terminated')),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, kind, number),
  FOREIGN KEY (mpp_id, tenant_id) REFERENCES tenants (mpp_id, id) ON DELETE CASCADE,
  CHECK (valid_until IS NULL OR valid_until >= signed_on)
);
CREATE INDEX tenant_agreements_tenant_idx ON tenant_agreements (mpp_id, tenant_id);

-- National dictionary of requirement documents (jenis dokumen persyaratan).
CREATE TABLE requirement_types (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9_]{2,40}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  description text NOT NULL DEFAULT ''
);
INSERT INTO requirement_types (code, name, description) VALUES
  ('KTP_EL', 'KTP elektronik (KTP-el)', 'Kartu Tanda Penduduk elektronik yang masih berlaku'),
  ('KK', 'Kartu Keluarga (KK)', 'Kartu Keluarga terbaru'),
  ('AKTA_KELAHIRAN', 'Akta kelahiran', 'Kutipan akta kelahiran'),
  ('AKTA_NIKAH', 'Buku nikah / akta perkawinan', 'Buku nikah (Kemenag) atau kutipan akta perkawinan'),
  ('AKTA_CERAI', 'Akta perceraian', 'Kutipan akta perceraian'),
  ('AKTA_KEMATIAN', 'Akta kematian', 'Kutipan akta kematian'),
  ('NPWP', 'NPWP', 'Nomor Pokok Wajib Pajak'),
  ('PAS_FOTO', 'Pas foto', 'Pas foto berwarna terbaru'),
  ('SURAT_KEHILANGAN', 'Surat keterangan kehilangan dari Kepolisian', 'Laporan kehilangan dari kantor polisi'),
  ('SURAT_PENGANTAR', 'Surat pengantar RT/RW atau desa/kelurahan', 'Surat pengantar dari RT/RW atau kepala desa/lurah'),
  ('SURAT_PINDAH', 'Surat keterangan pindah (SKPWNI)', 'Surat keterangan pindah warga negara Indonesia'),
  ('SURAT_KUASA', 'Surat kuasa bermeterai', 'Surat kuasa bila diwakilkan'),
  ('SURAT_KETERANGAN_DOMISILI', 'Surat keterangan domisili', 'Dari desa/kelurahan'),
  ('SURAT_KETERANGAN_SEHAT', 'Surat keterangan sehat jasmani', 'Dari dokter atau fasilitas kesehatan'),
  ('SURAT_PSIKOLOGI', 'Surat hasil tes psikologi', 'Untuk permohonan SIM'),
  ('SIM_LAMA', 'SIM lama', 'SIM yang akan diperpanjang atau diganti'),
  ('PASPOR_LAMA', 'Paspor lama', 'Paspor yang masih berlaku atau sudah habis'),
  ('STNK', 'STNK', 'Surat Tanda Nomor Kendaraan'),
  ('BPKB', 'BPKB', 'Buku Pemilik Kendaraan Bermotor'),
  ('IJAZAH', 'Ijazah terakhir', 'Fotokopi ijazah terakhir'),
  ('SERTIFIKAT_TANAH', 'Sertipikat hak atas tanah', 'Asli sertipikat tanah'),
  ('SPPT_PBB', 'SPPT PBB tahun berjalan', 'Surat Pemberitahuan Pajak Terutang PBB'),
  ('BUKTI_BAYAR_PBB', 'Bukti lunas PBB', 'Bukti pembayaran PBB'),
  ('AKTA_PENDIRIAN', 'Akta pendirian badan usaha', 'Beserta SK pengesahan Kemenkumham'),
  ('NIB', 'Nomor Induk Berusaha (NIB)', 'Dari sistem OSS'),
  ('GAMBAR_BANGUNAN', 'Gambar rencana bangunan', 'Gambar arsitektur, struktur dan utilitas'),
  ('KARTU_BPJS', 'Kartu BPJS', 'Kartu peserta BPJS Kesehatan/Ketenagakerjaan'),
  ('SURAT_KETERANGAN_KERJA', 'Surat keterangan kerja', 'Dari pemberi kerja'),
  ('BUKU_TABUNGAN', 'Buku tabungan', 'Halaman depan buku tabungan'),
  ('FORMULIR', 'Formulir permohonan', 'Diisi dan ditandatangani pemohon'),
  ('REKOMENDASI', 'Surat rekomendasi instansi terkait', 'Bila dipersyaratkan peraturan'),
  ('BUKTI_BAYAR', 'Bukti pembayaran / tagihan terakhir', 'Rekening atau tagihan terakhir');

-- Abbreviations and colloquial words citizens type. Two kinds:
-- abbreviation: term <-> phrase; a service whose words contain either also gets the other in its search
--   text, so "sim" finds "Surat Izin Mengemudi" and the reverse.
-- word: a query word that also means any of the listed words ("bikin" -> "pembuatan" or "penerbitan").
CREATE TABLE search_synonyms (
  term text NOT NULL CHECK (term ~ '^[a-z0-9]{1,40}$'),
  kind text NOT NULL CHECK (kind IN ('abbreviation', 'word')),
  expansion text NOT NULL CHECK (expansion ~ '^[a-z0-9]+( [a-z0-9]+)*$' AND length(expansion) <= 200),
  PRIMARY KEY (term, kind)
);
INSERT INTO search_synonyms (term, kind, expansion) VALUES
  ('sim', 'abbreviation', 'surat izin mengemudi'),
  ('ktp', 'abbreviation', 'kartu tanda penduduk'),
  ('kk', 'abbreviation', 'kartu keluarga'),
  ('kia', 'abbreviation', 'kartu identitas anak'),
  ('skck', 'abbreviation', 'surat keterangan catatan kepolisian'),
  ('npwp', 'abbreviation', 'nomor pokok wajib pajak'),
  ('pbb', 'abbreviation', 'pajak bumi dan bangunan'),
  ('bphtb', 'abbreviation', 'bea perolehan hak atas tanah dan bangunan'),
  ('pkb', 'abbreviation', 'pajak kendaraan bermotor'),
  ('stnk', 'abbreviation', 'surat tanda nomor kendaraan'),
  ('bpkb', 'abbreviation', 'buku pemilik kendaraan bermotor'),
  ('pbg', 'abbreviation', 'persetujuan bangunan gedung'),
  ('imb', 'abbreviation', 'izin mendirikan bangunan'),
  ('nib', 'abbreviation', 'nomor induk berusaha'),
  ('bpjs', 'abbreviation', 'badan penyelenggara jaminan sosial'),
  ('jkn', 'abbreviation', 'jaminan kesehatan nasional'),
  ('pdam', 'abbreviation', 'perusahaan daerah air minum'),
  ('pln', 'abbreviation', 'perusahaan listrik negara'),
  ('ktpel', 'word', 'ktp'),
  ('ektp', 'word', 'ktp'),
  ('akte', 'word', 'akta'),
  ('bikin', 'word', 'pembuatan penerbitan'),
  ('buat', 'word', 'pembuatan penerbitan'),
  ('urus', 'word', 'pengurusan permohonan'),
  ('ganti', 'word', 'penggantian'),
  ('perpanjang', 'word', 'perpanjangan'),
  ('hilang', 'word', 'kehilangan'),
  ('rusak', 'word', 'kerusakan'),
  ('passport', 'word', 'paspor'),
  ('pasport', 'word', 'paspor'),
  ('nikah', 'word', 'perkawinan pernikahan'),
  ('cerai', 'word', 'perceraian'),
  ('lahir', 'word', 'kelahiran'),
  ('mati', 'word', 'kematian'),
  ('meninggal', 'word', 'kematian'),
  ('pindah', 'word', 'perpindahan kepindahan'),
  ('sertifikat', 'word', 'sertipikat'),
  ('tanah', 'word', 'pertanahan'),
  ('motor', 'word', 'bermotor'),
  ('mobil', 'word', 'bermotor'),
  ('listrik', 'word', 'pln'),
  ('air', 'word', 'pdam'),
  ('imb', 'word', 'pbg'),
  ('siup', 'word', 'nib'),
  ('izin', 'word', 'perizinan'),
  ('ijin', 'word', 'izin perizinan');

ALTER TABLE services
  ADD COLUMN description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
  -- The six components published to citizens (UU 25/2009, PermenPANRB 15/2014); requirements are in service_requirements.
  ADD COLUMN procedure_steps text[] NOT NULL DEFAULT '{}',
  ADD COLUMN completion_value integer NOT NULL DEFAULT 0 CHECK (completion_value >= 0),
  ADD COLUMN completion_unit text NOT NULL DEFAULT 'minutes' CHECK (completion_unit IN ('minutes', 'working_days')),
  ADD COLUMN fee_rupiah bigint NOT NULL DEFAULT 0 CHECK (fee_rupiah >= 0),
  ADD COLUMN fee_legal_basis text NOT NULL DEFAULT '' CHECK (length(fee_legal_basis) <= 1000),
  ADD COLUMN product text NOT NULL DEFAULT '' CHECK (length(product) <= 1000),
  ADD COLUMN complaint_channels text NOT NULL DEFAULT '' CHECK (length(complaint_channels) <= 2000),
  -- The eight internal components, shown to staff only: {"legalBasis": "...", ...}.
  ADD COLUMN internal_standard jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(internal_standard) = 'object'),
  ADD COLUMN channels text[] NOT NULL DEFAULT '{direct}' CHECK (channels <@ ARRAY['direct', 'mobile', 'self_service', 'online']::text[]),
  ADD COLUMN handling_minutes integer NOT NULL DEFAULT 15 CHECK (handling_minutes BETWEEN 1 AND 480),
  -- Defined by the booking domain; the catalog only stores it.
  ADD COLUMN booking_settings jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(booking_settings) = 'object'),
  ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  -- Normalised words (name, agency, product, synonyms) maintained by the catalog service for search.
  ADD COLUMN search_text text NOT NULL DEFAULT '';
CREATE INDEX services_search_trgm_idx ON services USING gin (search_text gin_trgm_ops);

CREATE TABLE service_requirements (
  mpp_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  type_code text NOT NULL REFERENCES requirement_types (code),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 300),
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, service_id, position),
  FOREIGN KEY (mpp_id, service_id) REFERENCES services (mpp_id, id) ON DELETE CASCADE
);

-- Every version of a service's standard as it was published, so what a citizen was shown on a given
-- day can be reconstructed. A version is valid from valid_from until the next one's valid_from.
CREATE TABLE service_versions (
  mpp_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  valid_from timestamptz NOT NULL,
  valid_to timestamptz,
  snapshot jsonb NOT NULL,
  changed_by text,
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, service_id, version),
  FOREIGN KEY (mpp_id, service_id) REFERENCES services (mpp_id, id) ON DELETE CASCADE
);
CREATE INDEX service_versions_lookup_idx ON service_versions (mpp_id, service_id, valid_from DESC);
