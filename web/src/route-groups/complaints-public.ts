// Route group: filing and tracking a complaint.
export { FileComplaintPage } from '../complaints/FilePage';
export { TrackComplaintPage } from '../complaints/TrackPage';
