/** A 乡镇（街）of 临江; `code` is its 9-digit administrative code. */
export interface TownsTable {
  code: string;
  name: string;
  kind: '街道' | '镇' | '乡';
  lat: number;
  lng: number;
  sort_order: number;
}

export interface CommunitiesTable {
  id: string;
  town_code: string;
  name: string;
  /** 1 when the name is invented for the demo (only 新市社区 and 沿江社区 are real). */
  is_demo: number;
  lat: number;
  lng: number;
  /** Service phone of the community office, used by 电话求助. */
  phone: string;
  sort_order: number;
}

export interface PlacesTables {
  towns: TownsTable;
  communities: CommunitiesTable;
}
