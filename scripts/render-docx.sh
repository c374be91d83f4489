#!/usr/bin/env bash
# Renders a .docx with LibreOffice (a second, independent reader of our Word files) to PDF and one PNG per page.
# usage: scripts/render-docx.sh FILE.docx OUTDIR [DPI]     -> OUTDIR/FILE.pdf, OUTDIR/page-N.png
# Exit 3 when LibreOffice or poppler-utils are missing; 1 when no PDF or no Chinese font came out.
set -euo pipefail
if [ $# -lt 2 ]; then echo "用法：scripts/render-docx.sh 文件.docx 输出目录 [DPI]" >&2; exit 2; fi
docx=$1
out=$2
dpi=${3:-80}
for tool in soffice pdftoppm pdffonts; do
  command -v "$tool" >/dev/null 2>&1 || { echo "未安装 $tool（apt-get install libreoffice-writer-nogui poppler-utils fonts-wqy-zenhei）" >&2; exit 3; }
done
[ -f "$docx" ] || { echo "找不到文件：$docx" >&2; exit 2; }
mkdir -p "$out"
# A fresh profile: soffice exits 0 without a PDF when another instance holds the default one.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$docx" >/dev/null 2>&1 || true
base=$(basename "$docx")
pdf="$out/${base%.*}.pdf"
[ -s "$pdf" ] || { echo "LibreOffice 没有生成 PDF：$pdf" >&2; exit 1; }
# pdftotext prints text even for missing glyphs; the embedded font tells whether Chinese really rendered.
pdffonts "$pdf" | grep -Eq 'WenQuanYi|CJK' || { echo "PDF 中没有中文字体，中文可能显示为方框（安装 fonts-wqy-zenhei）" >&2; exit 1; }
rm -f "$out"/page-*.png
pdftoppm -png -r "$dpi" "$pdf" "$out/page"
echo "$pdf"
ls "$out"/page-*.png
