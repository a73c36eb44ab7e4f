/** Words of the application workflow, Bahasa Indonesia first. */
export const STATUS: Record<string, [string, string]> = {
  submitted: ['Diterima', 'Submitted'],
  returned: ['Dikembalikan: persyaratan belum lengkap', 'Returned: requirements incomplete'],
  requirements_checked: ['Persyaratan lengkap', 'Requirements checked'],
  in_process: ['Sedang diproses', 'In process'],
  ready: ['Siap diambil', 'Ready'],
  collected: ['Sudah diambil', 'Collected'],
  refused: ['Ditolak', 'Refused'],
};

export const ACTION: Record<string, [string, string]> = {
  open: ['Dibuka di loket', 'Opened at the counter'],
  apply_online: ['Diajukan daring', 'Applied online'],
  check: ['Persyaratan lengkap', 'Requirements complete'],
  return_incomplete: ['Kembalikan: belum lengkap', 'Return: incomplete'],
  resubmit: ['Persyaratan dibawa lagi', 'Requirements brought again'],
  process: ['Mulai proses', 'Start processing'],
  mark_ready: ['Tandai siap diambil', 'Mark ready'],
  collect: ['Tandai sudah diambil', 'Mark collected'],
  refuse: ['Tolak', 'Refuse'],
};

export const PICKUP: Record<string, [string, string]> = {
  counter: ['Di loket', 'At the counter'],
  kiosk: ['Di anjungan mandiri (kios)', 'At the self-service kiosk'],
  delivery: ['Dikirim', 'Delivered'],
};

export const pick = (table: Record<string, [string, string]>, key: string, t: (id: string, en: string) => string) => (table[key] ? t(...table[key]) : key);
