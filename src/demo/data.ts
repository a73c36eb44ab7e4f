/**
 * Demo catalog: fictional MPPs in real kabupaten/kota, with agencies and services modelled on what
 * Indonesian MPPs publish. Fees and times are plausible examples, not official figures.
 */

export type Kind = 'central_agency' | 'regional_office' | 'bumn' | 'bumd' | 'private';

/** [name, requirement type codes, fee in rupiah, completion value, 'm' minutes | 'd' working days, product] */
export type ServiceSeed = [string, string[], number, number, 'm' | 'd', string];

export interface TenantSeed {
  code: string;
  kind: Kind;
  name: string;
  prefix: string;
  feeBasis: string;
  legalBasis: string;
  services: ServiceSeed[];
}

export const TENANTS: TenantSeed[] = [
  {
    code: 'DUKCAPIL', kind: 'regional_office', name: 'Dinas Kependudukan dan Pencatatan Sipil', prefix: 'A',
    feeBasis: 'UU 24/2013 jo. UU 23/2006: dokumen kependudukan tidak dipungut biaya', legalBasis: 'UU 23/2006 jo. UU 24/2013; Perpres 96/2018; Permendagri 108/2019',
    services: [
      ['Perekaman KTP-el', ['KK', 'SURAT_PENGANTAR'], 0, 15, 'm', 'Data rekam KTP-el'],
      ['Pencetakan KTP-el baru', ['KK'], 0, 30, 'm', 'KTP-el'],
      ['Penggantian KTP-el karena hilang', ['KK', 'SURAT_KEHILANGAN'], 0, 30, 'm', 'KTP-el pengganti'],
      ['Penggantian KTP-el karena rusak', ['KK', 'KTP_EL'], 0, 30, 'm', 'KTP-el pengganti'],
      ['Perubahan data KTP-el', ['KK', 'KTP_EL', 'AKTA_NIKAH'], 0, 60, 'm', 'KTP-el dengan data baru'],
      ['Penerbitan Kartu Keluarga baru', ['AKTA_NIKAH', 'KTP_EL', 'SURAT_PENGANTAR'], 0, 1, 'd', 'Kartu Keluarga'],
      ['Perubahan Kartu Keluarga (tambah anggota)', ['KK', 'AKTA_KELAHIRAN'], 0, 1, 'd', 'Kartu Keluarga terbaru'],
      ['Penerbitan akta kelahiran', ['KK', 'KTP_EL', 'AKTA_NIKAH', 'FORMULIR'], 0, 1, 'd', 'Kutipan akta kelahiran'],
      ['Penerbitan akta kematian', ['KK', 'KTP_EL', 'FORMULIR'], 0, 1, 'd', 'Kutipan akta kematian'],
      ['Pencatatan perkawinan non-muslim', ['KTP_EL', 'KK', 'AKTA_KELAHIRAN', 'PAS_FOTO'], 0, 3, 'd', 'Kutipan akta perkawinan'],
      ['Pencatatan perceraian', ['KTP_EL', 'KK', 'AKTA_NIKAH'], 0, 3, 'd', 'Kutipan akta perceraian'],
      ['Penerbitan Kartu Identitas Anak (KIA)', ['KK', 'AKTA_KELAHIRAN', 'PAS_FOTO'], 0, 30, 'm', 'Kartu Identitas Anak'],
      ['Surat keterangan pindah (SKPWNI)', ['KK', 'KTP_EL'], 0, 1, 'd', 'Surat keterangan pindah'],
      ['Pencatatan kedatangan penduduk pindah', ['SURAT_PINDAH', 'KTP_EL'], 0, 1, 'd', 'KK dan KTP-el alamat baru'],
      ['Legalisasi dokumen kependudukan', ['KTP_EL', 'KK'], 0, 15, 'm', 'Salinan dokumen terlegalisasi'],
      ['Pembetulan akta pencatatan sipil', ['KTP_EL', 'KK', 'FORMULIR'], 0, 3, 'd', 'Akta yang telah dibetulkan'],
      ['Aktivasi Identitas Kependudukan Digital (IKD)', ['KTP_EL'], 0, 15, 'm', 'IKD aktif di ponsel'],
    ],
  },
  {
    code: 'POLRES', kind: 'central_agency', name: 'Satpas dan Sat Intelkam Polresta', prefix: 'B',
    feeBasis: 'PP 76/2020 tentang PNBP di lingkungan Polri', legalBasis: 'UU 22/2009; Perpol 5/2021 tentang penerbitan SIM; Perpol 6/2023 tentang SKCK',
    services: [
      ['Perpanjangan SIM A', ['KTP_EL', 'SIM_LAMA', 'SURAT_KETERANGAN_SEHAT', 'SURAT_PSIKOLOGI'], 80000, 60, 'm', 'SIM A'],
      ['Perpanjangan SIM C', ['KTP_EL', 'SIM_LAMA', 'SURAT_KETERANGAN_SEHAT', 'SURAT_PSIKOLOGI'], 75000, 60, 'm', 'SIM C'],
      ['Penerbitan SIM A baru', ['KTP_EL', 'SURAT_KETERANGAN_SEHAT', 'SURAT_PSIKOLOGI'], 120000, 1, 'd', 'SIM A'],
      ['Penerbitan SIM C baru', ['KTP_EL', 'SURAT_KETERANGAN_SEHAT', 'SURAT_PSIKOLOGI'], 100000, 1, 'd', 'SIM C'],
      ['Penggantian SIM hilang atau rusak', ['KTP_EL', 'SURAT_KEHILANGAN', 'SURAT_KETERANGAN_SEHAT'], 80000, 60, 'm', 'SIM pengganti'],
      ['Penerbitan SKCK baru', ['KTP_EL', 'KK', 'AKTA_KELAHIRAN', 'PAS_FOTO'], 30000, 30, 'm', 'Surat Keterangan Catatan Kepolisian'],
      ['Perpanjangan SKCK', ['KTP_EL', 'PAS_FOTO'], 30000, 20, 'm', 'SKCK diperpanjang'],
      ['Surat keterangan kehilangan', ['KTP_EL'], 0, 20, 'm', 'Surat tanda penerimaan laporan kehilangan'],
    ],
  },
  {
    code: 'SAMSAT', kind: 'regional_office', name: 'Samsat (Bapenda Provinsi, Ditlantas, Jasa Raharja)', prefix: 'C',
    feeBasis: 'Perda Provinsi tentang Pajak Daerah; PP 76/2020', legalBasis: 'UU 1/2022 tentang HKPD; Perpres 5/2015 tentang Samsat',
    services: [
      ['Pembayaran Pajak Kendaraan Bermotor (PKB) tahunan', ['KTP_EL', 'STNK'], 0, 15, 'm', 'Pengesahan STNK dan bukti bayar PKB'],
      ['Pengesahan STNK lima tahunan (ganti plat)', ['KTP_EL', 'STNK', 'BPKB'], 100000, 1, 'd', 'STNK dan TNKB baru'],
      ['Balik nama kendaraan bermotor (BBNKB)', ['KTP_EL', 'STNK', 'BPKB', 'FORMULIR'], 0, 3, 'd', 'STNK atas nama pemilik baru'],
      ['Mutasi kendaraan keluar daerah', ['KTP_EL', 'STNK', 'BPKB'], 250000, 3, 'd', 'Berkas mutasi kendaraan'],
      ['Informasi tunggakan pajak kendaraan', ['STNK'], 0, 10, 'm', 'Rincian tagihan PKB'],
      ['Pembayaran SWDKLLJ Jasa Raharja', ['STNK'], 35000, 10, 'm', 'Bukti SWDKLLJ'],
      ['Penggantian STNK hilang', ['KTP_EL', 'BPKB', 'SURAT_KEHILANGAN'], 100000, 1, 'd', 'STNK pengganti'],
      ['Blokir kendaraan yang sudah dijual', ['KTP_EL', 'STNK', 'FORMULIR'], 0, 15, 'm', 'Status kendaraan diblokir'],
    ],
  },
  {
    code: 'IMIGRASI', kind: 'central_agency', name: 'Kantor Imigrasi Kelas II', prefix: 'D',
    feeBasis: 'PP 28/2019 tentang PNBP Kemenkumham', legalBasis: 'UU 6/2011 tentang Keimigrasian; Permenkumham 18/2022',
    services: [
      ['Permohonan paspor baru (elektronik)', ['KTP_EL', 'KK', 'AKTA_KELAHIRAN'], 650000, 4, 'd', 'Paspor elektronik 10 tahun'],
      ['Permohonan paspor baru (non-elektronik)', ['KTP_EL', 'KK', 'AKTA_KELAHIRAN'], 350000, 4, 'd', 'Paspor biasa 10 tahun'],
      ['Penggantian paspor habis berlaku', ['KTP_EL', 'PASPOR_LAMA'], 350000, 4, 'd', 'Paspor baru'],
      ['Penggantian paspor hilang', ['KTP_EL', 'KK', 'SURAT_KEHILANGAN'], 1000000, 7, 'd', 'Paspor pengganti'],
      ['Konsultasi keimigrasian', [], 0, 15, 'm', 'Informasi keimigrasian'],
      ['Perpanjangan izin tinggal kunjungan WNA', ['PASPOR_LAMA', 'SURAT_KUASA'], 500000, 3, 'd', 'Izin tinggal diperpanjang'],
    ],
  },
  {
    code: 'PAJAK', kind: 'central_agency', name: 'KPP Pratama (Direktorat Jenderal Pajak)', prefix: 'E',
    feeBasis: 'Tidak dipungut biaya', legalBasis: 'UU 6/1983 jo. UU 7/2021 (KUP/HPP); PMK 81/2024',
    services: [
      ['Pendaftaran NPWP orang pribadi', ['KTP_EL', 'FORMULIR'], 0, 30, 'm', 'Kartu NPWP'],
      ['Pendaftaran NPWP badan', ['AKTA_PENDIRIAN', 'KTP_EL', 'NIB'], 0, 1, 'd', 'Kartu NPWP badan'],
      ['Asistensi pelaporan SPT Tahunan', ['NPWP', 'KTP_EL'], 0, 30, 'm', 'Bukti penerimaan elektronik SPT'],
      ['Aktivasi akun Coretax/EFIN', ['KTP_EL', 'NPWP'], 0, 15, 'm', 'EFIN aktif'],
      ['Surat keterangan fiskal', ['NPWP', 'FORMULIR'], 0, 5, 'd', 'Surat keterangan fiskal'],
      ['Konsultasi perpajakan', ['NPWP'], 0, 20, 'm', 'Jawaban konsultasi'],
      ['Permohonan sertifikat elektronik pajak', ['KTP_EL', 'NPWP'], 0, 15, 'm', 'Sertifikat elektronik'],
      ['Pemutakhiran data wajib pajak', ['KTP_EL', 'NPWP', 'KK'], 0, 15, 'm', 'Data wajib pajak terbaru'],
    ],
  },
  {
    code: 'BPN', kind: 'central_agency', name: 'Kantor Pertanahan (ATR/BPN)', prefix: 'F',
    feeBasis: 'PP 128/2015 tentang PNBP Kementerian ATR/BPN', legalBasis: 'UU 5/1960 (UUPA); PP 18/2021; Perkaban 1/2010',
    services: [
      ['Pengecekan sertipikat tanah', ['KTP_EL', 'SERTIFIKAT_TANAH', 'SURAT_KUASA'], 50000, 1, 'd', 'Sertipikat tercatat sudah dicek'],
      ['Peralihan hak jual beli (balik nama sertipikat)', ['KTP_EL', 'SERTIFIKAT_TANAH', 'SPPT_PBB', 'BUKTI_BAYAR_PBB'], 0, 5, 'd', 'Sertipikat atas nama pembeli'],
      ['Roya (penghapusan hak tanggungan)', ['KTP_EL', 'SERTIFIKAT_TANAH'], 50000, 5, 'd', 'Sertipikat bebas hak tanggungan'],
      ['Penerbitan Surat Keterangan Pendaftaran Tanah (SKPT)', ['KTP_EL', 'SERTIFIKAT_TANAH'], 50000, 1, 'd', 'SKPT'],
      ['Sertipikat pengganti karena hilang', ['KTP_EL', 'SURAT_KEHILANGAN', 'SPPT_PBB'], 0, 40, 'd', 'Sertipikat pengganti'],
      ['Konsultasi pertanahan', [], 0, 20, 'm', 'Informasi pertanahan'],
      ['Pemecahan bidang tanah', ['KTP_EL', 'SERTIFIKAT_TANAH', 'SPPT_PBB'], 0, 15, 'd', 'Sertipikat hasil pemecahan'],
      ['Pengukuran dan pemetaan bidang tanah', ['KTP_EL', 'SERTIFIKAT_TANAH'], 0, 10, 'd', 'Surat ukur'],
    ],
  },
  {
    code: 'KEMENAG', kind: 'central_agency', name: 'Kantor Kementerian Agama', prefix: 'G',
    feeBasis: 'PP 59/2018: nikah di KUA pada jam kerja tidak dipungut biaya', legalBasis: 'UU 1/1974; PMA 20/2019 tentang pencatatan pernikahan',
    services: [
      ['Pendaftaran kehendak nikah', ['KTP_EL', 'KK', 'AKTA_KELAHIRAN', 'PAS_FOTO', 'SURAT_PENGANTAR'], 0, 10, 'd', 'Jadwal akad nikah'],
      ['Legalisasi buku nikah', ['AKTA_NIKAH', 'KTP_EL'], 0, 1, 'd', 'Salinan buku nikah terlegalisasi'],
      ['Pendaftaran haji reguler', ['KTP_EL', 'KK', 'AKTA_KELAHIRAN', 'BUKU_TABUNGAN', 'PAS_FOTO'], 0, 1, 'd', 'Nomor porsi haji'],
      ['Rekomendasi paspor umrah/haji', ['KTP_EL', 'KK'], 0, 1, 'd', 'Surat rekomendasi'],
      ['Izin operasional madrasah', ['AKTA_PENDIRIAN', 'REKOMENDASI', 'FORMULIR'], 0, 14, 'd', 'Izin operasional'],
      ['Rekomendasi pembinaan keluarga sakinah', ['AKTA_NIKAH', 'KTP_EL'], 0, 15, 'm', 'Jadwal bimbingan perkawinan'],
      ['Pendaftaran sertifikasi halal reguler', ['NIB', 'KTP_EL'], 0, 21, 'd', 'Sertifikat halal'],
    ],
  },
  {
    code: 'KEJARI', kind: 'central_agency', name: 'Kejaksaan Negeri', prefix: 'H',
    feeBasis: 'Denda sesuai putusan pengadilan', legalBasis: 'UU 11/2021 tentang Kejaksaan; UU 22/2009',
    services: [
      ['Pembayaran denda tilang', ['KTP_EL'], 0, 15, 'm', 'Pengembalian barang bukti SIM/STNK'],
      ['Pengambilan barang bukti tilang', ['KTP_EL', 'STNK'], 0, 15, 'm', 'Barang bukti dikembalikan'],
      ['Konsultasi hukum (Jaksa Menjawab)', [], 0, 30, 'm', 'Pendapat hukum'],
      ['Informasi perkara pidana', ['KTP_EL'], 0, 15, 'm', 'Informasi perkara'],
      ['Pengembalian barang bukti perkara', ['KTP_EL', 'SURAT_KUASA'], 0, 1, 'd', 'Barang bukti dikembalikan'],
    ],
  },
  {
    code: 'DPMPTSP', kind: 'regional_office', name: 'Dinas Penanaman Modal dan PTSP', prefix: 'J',
    feeBasis: 'Perda tentang Retribusi Daerah (PBG); perizinan lain tidak dipungut biaya', legalBasis: 'UU 6/2023 (Cipta Kerja); PP 5/2021; PP 16/2021',
    services: [
      ['Pendampingan Nomor Induk Berusaha (NIB) OSS', ['KTP_EL', 'NPWP'], 0, 30, 'm', 'NIB'],
      ['Persetujuan Bangunan Gedung (PBG)', ['KTP_EL', 'SERTIFIKAT_TANAH', 'GAMBAR_BANGUNAN', 'SPPT_PBB'], 0, 28, 'd', 'Dokumen PBG'],
      ['Sertifikat Laik Fungsi (SLF)', ['KTP_EL', 'GAMBAR_BANGUNAN', 'REKOMENDASI'], 0, 14, 'd', 'Sertifikat Laik Fungsi'],
      ['Izin reklame', ['KTP_EL', 'NPWP', 'FORMULIR'], 0, 5, 'd', 'Izin penyelenggaraan reklame'],
      ['Izin praktik tenaga kesehatan (SIP)', ['KTP_EL', 'IJAZAH', 'REKOMENDASI', 'PAS_FOTO'], 0, 5, 'd', 'Surat Izin Praktik'],
      ['Izin operasional klinik', ['AKTA_PENDIRIAN', 'NIB', 'REKOMENDASI'], 0, 14, 'd', 'Izin operasional klinik'],
      ['Izin usaha toko modern', ['NIB', 'REKOMENDASI', 'SURAT_KETERANGAN_DOMISILI'], 0, 10, 'd', 'Izin usaha toko swalayan'],
      ['Konsultasi perizinan berusaha', [], 0, 20, 'm', 'Informasi perizinan'],
      ['Tanda Daftar Usaha Pariwisata (TDUP)', ['NIB', 'KTP_EL'], 0, 5, 'd', 'TDUP'],
      ['Persetujuan lingkungan (UKL-UPL)', ['NIB', 'GAMBAR_BANGUNAN', 'REKOMENDASI'], 0, 30, 'd', 'Persetujuan lingkungan'],
      ['Izin penelitian dan survei', ['KTP_EL', 'REKOMENDASI', 'FORMULIR'], 0, 3, 'd', 'Surat izin penelitian'],
      ['Izin apotek', ['NIB', 'IJAZAH', 'REKOMENDASI'], 0, 12, 'd', 'Surat Izin Apotek'],
      ['Izin optikal', ['NIB', 'REKOMENDASI'], 0, 12, 'd', 'Izin optikal'],
      ['Izin usaha perikanan', ['NIB', 'KTP_EL'], 0, 7, 'd', 'Izin usaha perikanan'],
    ],
  },
  {
    code: 'BAPENDA', kind: 'regional_office', name: 'Badan Pendapatan Daerah', prefix: 'K',
    feeBasis: 'Perda tentang Pajak Daerah dan Retribusi Daerah', legalBasis: 'UU 1/2022 tentang HKPD; Perda Pajak Daerah',
    services: [
      ['Pembayaran Pajak Bumi dan Bangunan (PBB-P2)', ['SPPT_PBB'], 0, 10, 'm', 'Bukti lunas PBB'],
      ['Pengajuan keberatan SPPT PBB', ['KTP_EL', 'SPPT_PBB', 'FORMULIR'], 0, 30, 'd', 'Keputusan keberatan'],
      ['Mutasi objek PBB (balik nama SPPT)', ['KTP_EL', 'SPPT_PBB', 'SERTIFIKAT_TANAH'], 0, 7, 'd', 'SPPT atas nama baru'],
      ['Validasi BPHTB', ['KTP_EL', 'SPPT_PBB', 'BUKTI_BAYAR_PBB'], 0, 2, 'd', 'BPHTB tervalidasi'],
      ['Pendaftaran wajib pajak hotel dan restoran', ['KTP_EL', 'NPWP', 'NIB'], 0, 3, 'd', 'NPWPD'],
      ['Cetak ulang SPPT PBB', ['KTP_EL'], 0, 15, 'm', 'Salinan SPPT PBB'],
      ['Pendaftaran pajak reklame', ['KTP_EL', 'NPWP'], 0, 3, 'd', 'Ketetapan pajak reklame'],
      ['Pendaftaran pajak air tanah', ['NIB', 'NPWP'], 0, 5, 'd', 'Ketetapan pajak air tanah'],
    ],
  },
  {
    code: 'DISNAKER', kind: 'regional_office', name: 'Dinas Tenaga Kerja', prefix: 'L',
    feeBasis: 'Tidak dipungut biaya', legalBasis: 'UU 13/2003 jo. UU 6/2023; Permenaker 39/2016',
    services: [
      ['Kartu Tanda Bukti Pendaftaran Pencari Kerja (AK/1)', ['KTP_EL', 'IJAZAH', 'PAS_FOTO'], 0, 30, 'm', 'Kartu kuning AK/1'],
      ['Pencatatan Peraturan Perusahaan', ['AKTA_PENDIRIAN', 'NIB'], 0, 7, 'd', 'Pengesahan Peraturan Perusahaan'],
      ['Pencatatan PKWT', ['NIB', 'FORMULIR'], 0, 3, 'd', 'Bukti pencatatan PKWT'],
      ['Pengaduan hubungan industrial', ['KTP_EL', 'SURAT_KETERANGAN_KERJA'], 0, 30, 'd', 'Risalah mediasi'],
      ['Pendaftaran pelatihan kerja', ['KTP_EL', 'IJAZAH'], 0, 15, 'm', 'Bukti pendaftaran pelatihan'],
      ['Rekomendasi paspor calon pekerja migran', ['KTP_EL', 'KK', 'AKTA_KELAHIRAN', 'REKOMENDASI'], 0, 1, 'd', 'Surat rekomendasi'],
    ],
  },
  {
    code: 'DISHUB', kind: 'regional_office', name: 'Dinas Perhubungan', prefix: 'M',
    feeBasis: 'Perda tentang Retribusi Jasa Umum', legalBasis: 'UU 22/2009; Permenhub PM 19/2021 tentang uji berkala',
    services: [
      ['Uji berkala kendaraan (KIR) pendaftaran', ['KTP_EL', 'STNK'], 85000, 1, 'd', 'Bukti lulus uji elektronik'],
      ['Izin trayek angkutan umum', ['NIB', 'STNK', 'FORMULIR'], 0, 14, 'd', 'Izin trayek'],
      ['Rekomendasi analisis dampak lalu lintas (Andalalin)', ['NIB', 'GAMBAR_BANGUNAN'], 0, 30, 'd', 'Rekomendasi Andalalin'],
      ['Izin penyelenggaraan parkir', ['NIB', 'KTP_EL'], 0, 7, 'd', 'Izin parkir'],
      ['Kartu pengawasan angkutan sewa khusus', ['NIB', 'STNK'], 0, 5, 'd', 'Kartu pengawasan'],
    ],
  },
  {
    code: 'DINKES', kind: 'regional_office', name: 'Dinas Kesehatan', prefix: 'N',
    feeBasis: 'Perda tentang Retribusi Jasa Umum', legalBasis: 'UU 17/2023 tentang Kesehatan; Permenkes 14/2021',
    services: [
      ['Sertifikat Laik Higiene Sanitasi (SLHS) usaha makanan', ['NIB', 'KTP_EL', 'REKOMENDASI'], 0, 14, 'd', 'SLHS'],
      ['Sertifikat Produksi Pangan Industri Rumah Tangga (SPP-IRT)', ['NIB', 'KTP_EL'], 0, 14, 'd', 'Nomor P-IRT'],
      ['Rekomendasi izin praktik tenaga kesehatan', ['KTP_EL', 'IJAZAH'], 0, 5, 'd', 'Surat rekomendasi'],
      ['Pendaftaran kepesertaan JKN daerah (PBI APBD)', ['KTP_EL', 'KK', 'SURAT_PENGANTAR'], 0, 3, 'd', 'Usulan kepesertaan PBI'],
      ['Surat keterangan sehat untuk calon pekerja', ['KTP_EL'], 25000, 30, 'm', 'Surat keterangan sehat'],
      ['Izin operasional laboratorium klinik', ['NIB', 'REKOMENDASI'], 0, 14, 'd', 'Izin operasional'],
    ],
  },
  {
    code: 'PUPR', kind: 'regional_office', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', prefix: 'P',
    feeBasis: 'Tidak dipungut biaya', legalBasis: 'UU 26/2007 tentang Penataan Ruang; PP 21/2021',
    services: [
      ['Konfirmasi Kesesuaian Kegiatan Pemanfaatan Ruang (KKKPR)', ['KTP_EL', 'NIB', 'SERTIFIKAT_TANAH'], 0, 20, 'd', 'KKKPR'],
      ['Informasi tata ruang (KRK)', ['KTP_EL', 'SERTIFIKAT_TANAH'], 0, 3, 'd', 'Keterangan Rencana Kabupaten'],
      ['Konsultasi teknis bangunan gedung', ['GAMBAR_BANGUNAN'], 0, 30, 'm', 'Catatan konsultasi'],
      ['Rekomendasi teknis pemanfaatan jalan kabupaten', ['NIB', 'GAMBAR_BANGUNAN'], 0, 7, 'd', 'Rekomendasi teknis'],
    ],
  },
  {
    code: 'PLN', kind: 'bumn', name: 'PT PLN (Persero) UP3', prefix: 'Q',
    feeBasis: 'Permen ESDM tentang tarif tenaga listrik', legalBasis: 'UU 30/2009 tentang Ketenagalistrikan',
    services: [
      ['Pasang baru listrik', ['KTP_EL', 'NPWP'], 0, 5, 'd', 'Sambungan listrik baru'],
      ['Tambah daya listrik', ['KTP_EL', 'BUKTI_BAYAR'], 0, 5, 'd', 'Daya tersambung baru'],
      ['Balik nama pelanggan listrik', ['KTP_EL', 'BUKTI_BAYAR'], 0, 3, 'd', 'Data pelanggan baru'],
      ['Pengaduan gangguan dan tagihan listrik', ['BUKTI_BAYAR'], 0, 20, 'm', 'Nomor pengaduan'],
      ['Migrasi meter pascabayar ke prabayar', ['KTP_EL', 'BUKTI_BAYAR'], 0, 5, 'd', 'Meter prabayar'],
      ['Penyambungan sementara untuk acara', ['KTP_EL'], 0, 3, 'd', 'Sambungan sementara'],
    ],
  },
  {
    code: 'BPJSKES', kind: 'bumn', name: 'BPJS Kesehatan', prefix: 'R',
    feeBasis: 'Perpres 63/2022 tentang iuran JKN', legalBasis: 'UU 24/2011 tentang BPJS; Perpres 82/2018',
    services: [
      ['Pendaftaran peserta JKN mandiri', ['KTP_EL', 'KK', 'BUKU_TABUNGAN'], 0, 20, 'm', 'Kartu JKN-KIS'],
      ['Perubahan data peserta JKN', ['KTP_EL', 'KK', 'KARTU_BPJS'], 0, 15, 'm', 'Data peserta diperbarui'],
      ['Pindah fasilitas kesehatan tingkat pertama', ['KARTU_BPJS', 'KTP_EL'], 0, 10, 'm', 'FKTP baru'],
      ['Cetak ulang kartu JKN-KIS', ['KTP_EL', 'KARTU_BPJS'], 0, 10, 'm', 'Kartu JKN-KIS'],
      ['Pengaktifan kembali kepesertaan', ['KTP_EL', 'KARTU_BPJS', 'BUKTI_BAYAR'], 0, 15, 'm', 'Status peserta aktif'],
      ['Pendaftaran bayi baru lahir peserta JKN', ['KK', 'AKTA_KELAHIRAN', 'KARTU_BPJS'], 0, 15, 'm', 'Kartu JKN-KIS bayi'],
      ['Informasi tunggakan iuran JKN', ['KARTU_BPJS'], 0, 10, 'm', 'Rincian tunggakan'],
    ],
  },
  {
    code: 'BPJSTK', kind: 'bumn', name: 'BPJS Ketenagakerjaan', prefix: 'S',
    feeBasis: 'PP 44/2015 jo. PP 82/2019 tentang iuran', legalBasis: 'UU 24/2011 tentang BPJS; PP 46/2015 tentang JHT',
    services: [
      ['Klaim Jaminan Hari Tua (JHT)', ['KTP_EL', 'KK', 'KARTU_BPJS', 'SURAT_KETERANGAN_KERJA', 'BUKU_TABUNGAN'], 0, 5, 'd', 'Dana JHT ditransfer'],
      ['Pendaftaran peserta bukan penerima upah', ['KTP_EL'], 0, 15, 'm', 'Kartu peserta BPJS Ketenagakerjaan'],
      ['Klaim Jaminan Kecelakaan Kerja', ['KTP_EL', 'KARTU_BPJS', 'FORMULIR'], 0, 7, 'd', 'Penggantian biaya JKK'],
      ['Klaim Jaminan Kematian', ['KTP_EL', 'KK', 'AKTA_KEMATIAN', 'KARTU_BPJS'], 0, 3, 'd', 'Santunan kematian'],
      ['Klaim Jaminan Pensiun', ['KTP_EL', 'KK', 'KARTU_BPJS', 'BUKU_TABUNGAN'], 0, 5, 'd', 'Manfaat pensiun'],
      ['Klaim Jaminan Kehilangan Pekerjaan (JKP)', ['KTP_EL', 'KARTU_BPJS', 'SURAT_KETERANGAN_KERJA'], 0, 7, 'd', 'Manfaat JKP'],
    ],
  },
  {
    code: 'POS', kind: 'bumn', name: 'PT Pos Indonesia', prefix: 'T',
    feeBasis: 'Tarif layanan PT Pos Indonesia', legalBasis: 'UU 38/2009 tentang Pos',
    services: [
      ['Pengiriman dokumen hasil layanan MPP', ['KTP_EL'], 15000, 10, 'm', 'Resi pengiriman'],
      ['Pembayaran tagihan dan pajak di loket pos', ['BUKTI_BAYAR'], 2500, 10, 'm', 'Bukti pembayaran'],
      ['Penyaluran bantuan sosial', ['KTP_EL', 'KK'], 0, 15, 'm', 'Bantuan diterima'],
      ['Layanan wesel pos dan pengiriman uang', ['KTP_EL'], 5000, 10, 'm', 'Bukti kirim uang'],
    ],
  },
  {
    code: 'BRI', kind: 'bumn', name: 'Bank Rakyat Indonesia (BRI) Unit MPP', prefix: 'U',
    feeBasis: 'Ketentuan biaya bank', legalBasis: 'UU 10/1998 tentang Perbankan; POJK 22/2023',
    services: [
      ['Pembukaan rekening tabungan', ['KTP_EL', 'NPWP'], 0, 20, 'm', 'Buku tabungan dan kartu debit'],
      ['Pengajuan Kredit Usaha Rakyat (KUR)', ['KTP_EL', 'KK', 'NIB'], 0, 7, 'd', 'Keputusan kredit'],
      ['Pembayaran PNBP dan pajak (MPN)', ['BUKTI_BAYAR'], 0, 10, 'm', 'Bukti penerimaan negara'],
      ['Penggantian kartu debit hilang', ['KTP_EL', 'BUKU_TABUNGAN'], 15000, 15, 'm', 'Kartu debit baru'],
      ['Pendaftaran mobile banking', ['KTP_EL', 'BUKU_TABUNGAN'], 0, 10, 'm', 'Akun mobile banking aktif'],
    ],
  },
  {
    code: 'TASPEN', kind: 'bumn', name: 'PT Taspen (Persero)', prefix: 'V',
    feeBasis: 'Tidak dipungut biaya', legalBasis: 'PP 70/2015; PP 25/1981 tentang asuransi sosial PNS',
    services: [
      ['Klaim Tabungan Hari Tua (THT) pensiunan', ['KTP_EL', 'KK', 'BUKU_TABUNGAN', 'REKOMENDASI'], 0, 1, 'd', 'Dana THT'],
      ['Otentikasi dan pendataan ulang pensiunan', ['KTP_EL'], 0, 10, 'm', 'Data pensiunan terotentikasi'],
      ['Pembayaran pensiun pertama', ['KTP_EL', 'KK', 'BUKU_TABUNGAN'], 0, 1, 'd', 'Pensiun pertama dibayarkan'],
    ],
  },
  {
    code: 'BANKDAERAH', kind: 'bumd', name: 'Bank Daerah (Bank Pembangunan Daerah)', prefix: 'W',
    feeBasis: 'Ketentuan biaya bank', legalBasis: 'UU 10/1998; Perda tentang BUMD',
    services: [
      ['Pembukaan rekening Simpeda', ['KTP_EL'], 0, 20, 'm', 'Buku tabungan'],
      ['Pembayaran retribusi dan pajak daerah', ['BUKTI_BAYAR'], 0, 10, 'm', 'Bukti setor'],
      ['Pengajuan kredit mikro daerah', ['KTP_EL', 'KK', 'NIB'], 0, 7, 'd', 'Keputusan kredit'],
    ],
  },
  {
    code: 'PDAM', kind: 'bumd', name: 'Perumda Air Minum', prefix: 'X',
    feeBasis: 'Peraturan Bupati tentang tarif air minum', legalBasis: 'PP 122/2015 tentang SPAM; Perda tentang Perumda Air Minum',
    services: [
      ['Pemasangan sambungan baru air minum', ['KTP_EL', 'KK', 'SURAT_KETERANGAN_DOMISILI'], 1250000, 7, 'd', 'Sambungan rumah dan meter air'],
      ['Balik nama pelanggan air', ['KTP_EL', 'BUKTI_BAYAR'], 50000, 3, 'd', 'Data pelanggan baru'],
      ['Pengaduan kebocoran dan tagihan air', ['BUKTI_BAYAR'], 0, 20, 'm', 'Nomor pengaduan'],
      ['Penyambungan kembali (buka segel)', ['KTP_EL', 'BUKTI_BAYAR'], 100000, 2, 'd', 'Aliran air tersambung'],
      ['Pemeriksaan dan tera ulang meter air', ['BUKTI_BAYAR'], 0, 3, 'd', 'Berita acara pemeriksaan'],
    ],
  },
  {
    code: 'BPRBKK', kind: 'bumd', name: 'BPR BKK (Perseroda)', prefix: 'Y',
    feeBasis: 'Ketentuan biaya bank', legalBasis: 'UU 10/1998; POJK tentang BPR',
    services: [
      ['Pembukaan tabungan pelajar', ['KTP_EL', 'KK'], 0, 15, 'm', 'Buku tabungan pelajar'],
      ['Kredit usaha mikro', ['KTP_EL', 'KK', 'NIB'], 0, 5, 'd', 'Keputusan kredit'],
    ],
  },
  {
    code: 'NOTARIS', kind: 'private', name: 'Pojok Notaris dan PPAT (Ikatan Notaris Indonesia)', prefix: 'Z',
    feeBasis: 'UU 2/2014: honorarium sesuai nilai ekonomis; konsultasi gratis di MPP', legalBasis: 'UU 2/2014 tentang Jabatan Notaris; PP 24/2016 tentang PPAT',
    services: [
      ['Konsultasi pendirian PT perorangan dan CV', ['KTP_EL', 'NPWP'], 0, 30, 'm', 'Catatan konsultasi'],
      ['Konsultasi akta jual beli tanah', ['KTP_EL', 'SERTIFIKAT_TANAH'], 0, 30, 'm', 'Catatan konsultasi'],
      ['Legalisasi surat di bawah tangan', ['KTP_EL'], 100000, 1, 'd', 'Surat terlegalisasi'],
      ['Konsultasi waris dan hibah', ['KTP_EL', 'KK', 'AKTA_KEMATIAN'], 0, 30, 'm', 'Catatan konsultasi'],
    ],
  },
  {
    code: 'KLINIKUMKM', kind: 'private', name: 'Klinik UMKM dan Halal Center (mitra swasta)', prefix: 'O',
    feeBasis: 'Tidak dipungut biaya (program kemitraan)', legalBasis: 'UU 33/2014 jo. UU 6/2023 tentang Jaminan Produk Halal',
    services: [
      ['Pendampingan sertifikasi halal self-declare', ['KTP_EL', 'NIB'], 0, 21, 'd', 'Sertifikat halal'],
      ['Pendampingan merek dagang (HKI)', ['KTP_EL', 'NIB'], 0, 1, 'd', 'Berkas permohonan merek'],
      ['Konsultasi kemasan dan pemasaran digital', ['NIB'], 0, 45, 'm', 'Rekomendasi pemasaran'],
      ['Kurasi produk UMKM untuk pameran', ['NIB', 'KTP_EL'], 0, 5, 'd', 'Hasil kurasi produk'],
    ],
  },
];

/** Counters the demo gives an agency with `services` services (each serves all of them at weight 1). */
export const demoCounterCount = (services: number) => (services > 8 ? 3 : services > 4 ? 2 : 1);

export const DEMO_SLUGS = ['mpp-demo-banyumas', 'mpp-demo-gowa', 'mpp-demo-jayapura'] as const;
export const DEMO_EMAIL_DOMAIN = 'demo.layan.id';
export const DEMO_PASSWORD = 'Demo-Layan-2026';
