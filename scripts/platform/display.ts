/**
 * Whether a browser window can be shown: macOS and Windows always have a desktop; elsewhere an X11 or Wayland
 * display must be named in the environment (a CI runner or an SSH session has neither).
 */
export function hasDisplay(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY?.trim() || env.WAYLAND_DISPLAY?.trim());
}
