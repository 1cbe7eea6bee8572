import { jwtDecode } from 'jwt-decode';

export const canManage = (roleId: number) => roleId >= 3;

// Near-miss: browser code showing the signed-in name.
export function displayName(token: string) {
  const { name } = jwtDecode<{ name: string }>(token);
  document.title = `Hello ${name}`;
  return name;
}
