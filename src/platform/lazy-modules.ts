/**
 * Heavy libraries used only by exports and imports, loaded on first use instead of at start-up
 * (exceljs alone takes most of a second to load; see docs/benchmarks.md, start-up).
 */
export const loadExcel = async () => (await import('exceljs')).default;
export const loadPdfKit = async () => (await import('pdfkit')).default;
