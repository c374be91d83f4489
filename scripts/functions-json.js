'use strict';
/*
 * functions.json as the add-in ships it: custom-functions-metadata's output without
 * `allowCustomDataForDataTypeAny`, which the generator always sets. That property belongs to
 * CustomFunctionsRuntime 1.4 (custom-functions-requirement-sets: "Requirement set 1.4 includes …
 * the allowCustomDataForDataTypeAny JSON manifest property") and makes `any` parameters receive
 * Excel data types (entities, linked types) as objects; the TZ functions take plain cell values,
 * and the manifest claims hosts with 1.2 and 1.3 only (Excel 2021, retail perpetual, Mac 16.35).
 */
function shippedMetadata(metadataJson) {
  const meta = JSON.parse(metadataJson);
  delete meta.allowCustomDataForDataTypeAny;
  return JSON.stringify(meta, null, 4);
}

/** Rewrites the `functions.json` asset after CustomFunctionsMetadataPlugin made it. */
class ShippedFunctionsJsonPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('ShippedFunctionsJsonPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'ShippedFunctionsJsonPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.assets['functions.json'];
        if (asset) compilation.updateAsset('functions.json', new sources.RawSource(shippedMetadata(asset.source().toString())));
      });
    });
  }
}

module.exports = { shippedMetadata, ShippedFunctionsJsonPlugin };
