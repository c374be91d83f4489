'use strict';
/*
 * Where the add-in is served from. manifest.xml holds the dev server's URLs; a production build
 * rewrites them for TZ_ADDIN_URL (or `webpack --env addinUrl=…`). Used by webpack.config.js,
 * scripts/validate-manifest.js and the tests.
 */

const DEV_BASE = 'https://localhost:3000/';

/** A base URL as the manifest uses it: https, no query or fragment, ending with `/`. */
function normalizeBase(raw) {
  const text = String(raw || '').trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`加载项地址“${text}”不是有效的网址，应形如 https://oa.example.gov.cn/taizhang/`);
  }
  if (url.protocol !== 'https:') throw new Error(`加载项地址“${text}”必须以 https:// 开头（Office 只加载 HTTPS 页面）`);
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`加载项地址“${text}”不能带 ?、# 或用户名密码`);
  }
  return url.origin + (url.pathname.endsWith('/') ? url.pathname : url.pathname + '/');
}

/** The production base: the given value, else TZ_ADDIN_URL, else the dev server. */
function productionBase(value) {
  const raw = value || process.env.TZ_ADDIN_URL;
  return raw ? normalizeBase(raw) : DEV_BASE;
}

/** Rewrites every URL attribute value that starts with the dev base (comments are left alone). */
function rewriteManifest(xml, base) {
  const target = normalizeBase(base);
  return String(xml).split(`="${DEV_BASE}`).join(`="${target}`);
}

module.exports = { DEV_BASE, normalizeBase, productionBase, rewriteManifest };
