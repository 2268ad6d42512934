import { screenConfig } from '../ui/vite-screen';

export default screenConfig('operator-console', '/console/');
