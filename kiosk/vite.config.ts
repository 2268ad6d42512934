import { screenConfig } from '../ui/vite-screen';

export default screenConfig('kiosk', '/kiosk/');
