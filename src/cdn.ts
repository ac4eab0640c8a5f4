// Entry of the single-file bundle a blogger pastes: defines every element.
// Elements are added here as they land.
export {};
