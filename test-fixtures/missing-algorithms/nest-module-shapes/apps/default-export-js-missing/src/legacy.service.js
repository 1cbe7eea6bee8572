import { Injectable, Dependencies } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

// JavaScript injection names no type: the service is not recognised yet.
@Injectable()
@Dependencies(JwtService)
export class LegacyService {
  constructor(jwtService) {
    this.jwtService = jwtService;
  }

  run(value) {
    return this.jwtService.verify(value); // todo-expect: missing-algorithms
  }
}
