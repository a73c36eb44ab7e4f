// Route group: consultation (the citizen's question form, its public tracking by code, the agency's staff screen).
export { AskConsultationPage } from '../consultation/AskConsultationPage';
export { ConsultationsPage } from '../consultation/ConsultationsPage';
export { TrackConsultationPage } from '../consultation/TrackConsultationPage';
