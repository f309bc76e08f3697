import { Validator } from "@cfworker/json-schema";
const s = JSON.parse('{"type":"object","additionalProperties":false,"properties":{"~1":{"type":"boolean"},"b":{"type":"string","enum":["p","q"]},"__proto__":{"type":"boolean"}},"allOf":[{"anyOf":[{"required":["__proto__"]},{"required":["~1"]}]}]}');
const v = new Validator(s, "2020-12", false);
console.log(v.validate(JSON.parse('{"b":"p","__proto__":true}')).valid, v.validate(JSON.parse('{"b":"p"}')).valid, v.validate(JSON.parse('{"b":"p","__proto__":1}')).valid);
const w = new Validator({type:"object", required:[""]}, "2020-12", false);
console.log(w.validate({}).valid, w.validate({"":1}).valid);
const x = new Validator({type:"object", properties:{toString:{type:"string"}}, required:["toString"]}, "2020-12", false);
console.log(x.validate({}).valid, x.validate({toString:"s"}).valid);
