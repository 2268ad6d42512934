import { screenConfig } from '../ui/vite-screen';

export default screenConfig('hall-display', '/display/');
