/**
 * The nine unsur of PermenPANRB 14/2017 with the questions and answer labels of its model
 * questionnaire (Lampiran), in Bahasa Indonesia and English. The unsur and the 1-4 scale are fixed;
 * an MPP may reword the four answer labels per service (survey_answer_labels).
 */

export interface Text {
  id: string;
  en: string;
}

export interface UnsurDefinition {
  code: `U${number}`;
  name: Text;
  question: Text;
  /** Labels for scores 1, 2, 3, 4. */
  answers: [Text, Text, Text, Text];
}

const t = (id: string, en: string): Text => ({ id, en });

export const UNSUR: readonly UnsurDefinition[] = [
  {
    code: 'U1',
    name: t('Persyaratan', 'Requirements'),
    question: t('Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?', 'How well did the requirements fit the service?'),
    answers: [t('Tidak sesuai', 'Not appropriate'), t('Kurang sesuai', 'Somewhat appropriate'), t('Sesuai', 'Appropriate'), t('Sangat sesuai', 'Very appropriate')],
  },
  {
    code: 'U2',
    name: t('Sistem, mekanisme dan prosedur', 'System, mechanism and procedure'),
    question: t('Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?', 'How easy was the service procedure here?'),
    answers: [t('Tidak mudah', 'Not easy'), t('Kurang mudah', 'Somewhat easy'), t('Mudah', 'Easy'), t('Sangat mudah', 'Very easy')],
  },
  {
    code: 'U3',
    name: t('Waktu penyelesaian', 'Completion time'),
    question: t('Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?', 'How fast was the service?'),
    answers: [t('Tidak cepat', 'Not fast'), t('Kurang cepat', 'Somewhat fast'), t('Cepat', 'Fast'), t('Sangat cepat', 'Very fast')],
  },
  {
    code: 'U4',
    name: t('Biaya/tarif', 'Cost/fee'),
    question: t('Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?', 'How fair was the cost or fee of the service?'),
    answers: [t('Sangat mahal', 'Very expensive'), t('Cukup mahal', 'Rather expensive'), t('Murah', 'Cheap'), t('Gratis', 'Free')],
  },
  {
    code: 'U5',
    name: t('Produk spesifikasi jenis pelayanan', 'Service product'),
    question: t(
      'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
      'How well did what you received match the product listed in the service standard?',
    ),
    answers: [t('Tidak sesuai', 'Not appropriate'), t('Kurang sesuai', 'Somewhat appropriate'), t('Sesuai', 'Appropriate'), t('Sangat sesuai', 'Very appropriate')],
  },
  {
    code: 'U6',
    name: t('Kompetensi pelaksana', 'Staff competence'),
    question: t('Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?', 'How competent was the officer?'),
    answers: [t('Tidak kompeten', 'Not competent'), t('Kurang kompeten', 'Somewhat competent'), t('Kompeten', 'Competent'), t('Sangat kompeten', 'Very competent')],
  },
  {
    code: 'U7',
    name: t('Perilaku pelaksana', 'Staff conduct'),
    question: t('Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?', 'How polite and friendly was the officer?'),
    answers: [
      t('Tidak sopan dan ramah', 'Not polite and friendly'),
      t('Kurang sopan dan ramah', 'Somewhat polite and friendly'),
      t('Sopan dan ramah', 'Polite and friendly'),
      t('Sangat sopan dan ramah', 'Very polite and friendly'),
    ],
  },
  {
    code: 'U8',
    name: t('Sarana dan prasarana', 'Facilities'),
    question: t('Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?', 'How good were the facilities?'),
    answers: [t('Buruk', 'Poor'), t('Cukup', 'Fair'), t('Baik', 'Good'), t('Sangat baik', 'Very good')],
  },
  {
    code: 'U9',
    name: t('Penanganan pengaduan, saran dan masukan', 'Handling of complaints and suggestions'),
    question: t('Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?', 'How are complaints from service users handled?'),
    answers: [
      t('Tidak ada', 'None'),
      t('Ada tetapi tidak berfungsi', 'Exists but does not work'),
      t('Berfungsi kurang maksimal', 'Works, not fully'),
      t('Dikelola dengan baik', 'Well managed'),
    ],
  },
];

export const GENDERS = ['L', 'P'] as const;
export const AGE_GROUPS = ['<20', '20-29', '30-39', '40-49', '50-59', '60+'] as const;
export const EDUCATIONS = ['sd', 'smp', 'sma', 'diploma', 's1', 's2', 's3'] as const;
export const OCCUPATIONS = ['pns', 'tni', 'polri', 'swasta', 'wirausaha', 'pelajar', 'lainnya'] as const;

/** Labels of the respondent-profile choices, for forms and report tables. */
export const PROFILE_LABELS: Record<'gender' | 'ageGroup' | 'education' | 'occupation', { title: Text; options: Record<string, Text> }> = {
  gender: { title: t('Jenis kelamin', 'Gender'), options: { L: t('Laki-laki', 'Male'), P: t('Perempuan', 'Female') } },
  ageGroup: {
    title: t('Usia', 'Age'),
    options: Object.fromEntries(AGE_GROUPS.map((a) => [a, a === '<20' ? t('Di bawah 20 tahun', 'Under 20') : a === '60+' ? t('60 tahun ke atas', '60 and over') : t(`${a} tahun`, `${a} years`)])),
  },
  education: {
    title: t('Pendidikan terakhir', 'Education'),
    options: {
      sd: t('SD ke bawah', 'Primary or less'),
      smp: t('SMP', 'Junior high'),
      sma: t('SMA/SMK', 'Senior high'),
      diploma: t('D1-D3', 'Diploma'),
      s1: t('D4/S1', "Bachelor's"),
      s2: t('S2', "Master's"),
      s3: t('S3', 'Doctorate'),
    },
  },
  occupation: {
    title: t('Pekerjaan', 'Occupation'),
    options: {
      pns: t('PNS', 'Civil servant'),
      tni: t('TNI', 'Armed forces'),
      polri: t('POLRI', 'Police'),
      swasta: t('Pegawai swasta', 'Private employee'),
      wirausaha: t('Wirausaha', 'Self-employed'),
      pelajar: t('Pelajar/mahasiswa', 'Student'),
      lainnya: t('Lainnya', 'Other'),
    },
  },
};
