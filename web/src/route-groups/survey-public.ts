// Route group: the satisfaction survey (phone, kiosk, tablet at the counter).
export { SurveyByCodePage, SurveyTabletPage } from '../survey/SurveyPages';
