// Route group: the staff shell (navigation, MPP switcher) and its home and password pages.
export { ChangePasswordPage } from '../shell/ChangePassword';
export { StaffHome, StaffShell } from '../shell/StaffShell';
