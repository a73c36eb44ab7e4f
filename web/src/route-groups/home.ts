// Route group: the home page and sign-in (the public entry's first screens).
export { HomePage } from '../shell/Home';
export { LoginPage } from '../shell/Login';
