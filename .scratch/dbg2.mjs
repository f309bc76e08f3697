import Ajv2020 from "ajv/dist/2020.js";
for (const own of [false, true]) {
const ajv = new Ajv2020.default({ strict: false, ownProperties: own });
const v = ajv.compile({type:"object", properties: {"": {type:"string"}, c: {type: "string"}}, oneOf:[{required:["c"]},{required:[""]}]});
console.log(own, v({}), v({"":"p"}), v({c:"p"}));
const w = ajv.compile({type:"object", required:[""]});
console.log(own, w({}), w({"":1}));
}
