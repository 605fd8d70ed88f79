// The edges of an HTTP process, shared by the gateway and the services: what a
// request may carry and how the process stops. Kept apart from service-runtime
// so the gateway can use them without loading mongoose, kafkajs or Nest's
// microservices; nothing here may import a database or messaging lib.
export * from './request-body-limit';
export * from './close-on-signals';
