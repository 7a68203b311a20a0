export default { turbopack: { root: "/work/wt-12" } };
