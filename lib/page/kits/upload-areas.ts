import { nativeUploadAreas } from './native';
import { elementPlusUploadAreas } from './element-plus';
import { layuiUploadAreas } from './layui';
import { antdUploadAreas } from './antd';
import { iviewUploadAreas } from './iview';

/** Every kit's upload drop zones (lib/pdf/upload-guard), apart from kits/index so the guard loads no driver. */
export const UPLOAD_AREAS: readonly string[] = [
  ...elementPlusUploadAreas,
  ...layuiUploadAreas,
  ...antdUploadAreas,
  ...iviewUploadAreas,
  ...nativeUploadAreas,
];
