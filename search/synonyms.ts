/**
 * Words that mean the same thing here, in one list for both engines. A query
 * term that equals any member of a group also matches every other member.
 * Add groups freely: each member may be Chinese or English, one word or a phrase.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["老人", "老年人", "长者", "老龄", "elderly", "senior", "seniors", "older people"],
  ["独居", "空巢", "living alone", "lives alone"],
  ["摄像头", "摄像机", "监控摄像", "camera", "cameras", "cctv"],
  ["监控", "surveillance", "monitoring"],
  ["人脸识别", "刷脸", "facial recognition", "face recognition"],
  ["窨井盖", "井盖", "manhole", "manhole cover"],
  ["高空抛物", "高空坠物", "thrown from height", "objects thrown from high-rises"],
  ["打车", "叫车", "出租车", "taxi", "cab"],
  ["跌倒", "摔倒", "fall", "falls"],
  ["走失", "失联", "missing", "wandering"],
  ["火灾", "消防", "fire"],
  ["燃气", "煤气", "gas"],
  ["垃圾桶", "垃圾箱", "rubbish bin", "trash bin", "waste bin"],
  ["门禁", "道闸", "entrance guard", "smart gate", "access control"],
  ["人工智能", "ai", "artificial intelligence"],
  ["物联网", "iot", "internet of things"],
  ["大数据", "big data"],
  ["云计算", "云平台", "cloud computing"],
  ["区块链", "blockchain"],
  ["数字孪生", "digital twin"],
  ["公厕", "公共厕所", "public toilet"],
  ["违建", "违章建筑", "违法建筑", "illegal construction", "illegal building"],
  ["残疾人", "残障人士", "people with disabilities", "disabled"],
  ["儿童", "孩子", "children", "kids"],
  ["停车", "泊车", "parking"],
  ["养老", "为老服务", "elderly care", "senior care"],
];
