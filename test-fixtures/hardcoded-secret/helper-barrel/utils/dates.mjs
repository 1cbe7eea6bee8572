export const formatDate = (d) => d.toISOString();
