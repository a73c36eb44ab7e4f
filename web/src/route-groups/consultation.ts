// Route group: consultation (the citizen's question form, the agency's staff screen).
export { AskConsultationPage } from '../consultation/AskConsultationPage';
export { ConsultationsPage } from '../consultation/ConsultationsPage';
