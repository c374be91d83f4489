#!/usr/bin/env bash
# npm run demo: the CLI on the sample workbook — check it, then prepare the October submission.
set -u
cd "$(dirname "$0")/.."
SAMPLE=../shared/fixtures/sample-2023-10.xlsx
ARGS=(--period 2023-10 --team 天宁镇综合行政执法队 --contact 张三,综合执法队队员,13812345678 --today 2023-11-05 --out out)
npm run --silent build:cli || exit 2
node bin/taizhang.js check "$SAMPLE" --today 2023-11-05
echo
echo "== 月度报送 2023年10月：有错误时拒绝生成 =="
node bin/taizhang.js submit "$SAMPLE" "${ARGS[@]}"
echo
echo "== 加 --allow-errors 仍然生成（写入 ./out/）=="
node bin/taizhang.js submit "$SAMPLE" "${ARGS[@]}" --allow-errors --force
echo
echo "== 县司法局：汇总三个示例乡镇 2023年10月的报送材料（收件在 ./out/县局收件/，会立乡未报）=="
rm -rf out/县局收件 out/县局汇总
node -r ts-node/register/transpile-only scripts/rollup-samples.ts out/县局收件/邮件 || exit 2
node bin/taizhang.js rollup out/县局收件/邮件 --period 2023-10 --townships out/县局收件/乡镇名单.txt --today 2023-11-06 --out out/县局汇总
echo
echo "== 在 Excel 中使用加载项 =="
echo "Windows/Mac 桌面版 Excel：npm start（启动 https://localhost:3000 并旁加载 manifest.xml）；Excel 网页版：npm run dev-server，再在 开始 → 加载项 → 上传我的加载项 中选择 manifest.xml。详见 README.md。"
