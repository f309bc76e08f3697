import Ajv2020 from "ajv/dist/2020.js";
const ajv = new Ajv2020.default({ strict: false, ownProperties: true, code: { source: true } });
const v = ajv.compile({type:"object", required:["", "x"]});
console.log(v.source.validateCode || v.toString());
